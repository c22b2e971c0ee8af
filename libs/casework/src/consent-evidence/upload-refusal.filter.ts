import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  PayloadTooLargeException,
} from '@nestjs/common';

/** Multer's refusals (too large, another field, a second file) answer like every bad input: a code and the field. */
@Catch(PayloadTooLargeException, BadRequestException)
export class UploadRefusalFilter implements ExceptionFilter {
  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse();
    const message =
      exception instanceof PayloadTooLargeException
        ? 'must be at most 10 MB'
        : 'must be exactly one file, sent in the form field "file"';
    res.status(400).json({
      statusCode: 400,
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: [{ path: 'file', message }],
    });
  }
}
