import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@cf/core';

const firstNulPath = (value: unknown, path: string, depth = 0): string | undefined => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 20) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = firstNulPath(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
};

/**
 * No argument may carry a NUL character: it is never meaningful in this domain, and PostgreSQL
 * refuses it in text parameters, so without this check one store would answer differently
 * from the other. Applies to every resolver argument, ids included.
 */
@Injectable()
export class NulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const path = firstNulPath(value, '');
    if (path !== undefined) {
      const field =
        path
          .split('.')
          .filter((part) => !/^\d+$/.test(part))
          .pop() ||
        metadata.data ||
        'input';
      throw DomainError.badInput(field, 'must not contain NUL characters');
    }
    return value;
  }
}
