import { Injectable } from '@nestjs/common';

export const domainKnowsNest = Injectable;
