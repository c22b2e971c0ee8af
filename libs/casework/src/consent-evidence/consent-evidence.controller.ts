import { Controller, Get, Param, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { ConsentEvidenceService, type UploadedScan } from './consent-evidence.service.js';
import { EVIDENCE_MAX_BYTES } from './evidence-type.js';
import { UploadRefusalFilter } from './upload-refusal.filter.js';

const OWNER = "CASE_WORKERs of the case's owning organisation; 404 for everyone else; audited";

/** The signed scan of a consent: upload (multipart/form-data, field `file`) and download. */
@Controller('cases')
export class ConsentEvidenceController {
  constructor(private readonly evidence: ConsentEvidenceService) {}

  @Post(':caseId/consents/:consentId/evidence')
  @Allow.signedIn(`${OWNER}; a PDF, JPEG or PNG of at most 10 MB, checked by content`)
  @UseFilters(UploadRefusalFilter)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5, parts: 6 } }),
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('consentId') consentId: string,
    @UploadedFile() file: UploadedScan | undefined,
  ) {
    const e = await this.evidence.upload(actor, caseId, consentId, file);
    return {
      consentId: e.consentId,
      mediaType: e.mediaType,
      byteSize: e.byteSize,
      uploadedAt: e.uploadedAt.toISOString(),
    };
  }

  @Get(':caseId/consents/:consentId/evidence')
  @Allow.signedIn(OWNER)
  async download(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('consentId') consentId: string,
    @Res() res: any,
  ): Promise<void> {
    const { buffer, mediaType, fileName } = await this.evidence.download(actor, caseId, consentId);
    res.setHeader('content-type', mediaType);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    res.end(buffer);
  }
}
