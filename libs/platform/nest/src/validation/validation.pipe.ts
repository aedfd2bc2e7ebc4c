import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInputException } from '@alternance/platform/domain';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Validates every argument with class-validator. Unknown properties are refused rather than
 * silently dropped, so a field without a decorator shows up in tests at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputException(flatten(errors)),
  });
}
