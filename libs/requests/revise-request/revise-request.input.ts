import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';

@InputType({ description: "Changes a request's wording; the reason is kept with the revision" })
export class ReviseRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 20000) description?: string;
  @Field() @IsString() @Length(1, 20000) reason: string;
  @Field(() => ID, { nullable: true, description: 'The contact session where the change was agreed' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedRevision?: number;
}
