import { Module } from '@nestjs/common';
import { LegalController } from './legal.controller.js';
import { LegalService } from './legal.service.js';

/** The deployment's legal pages (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit). */
@Module({ controllers: [LegalController], providers: [LegalService] })
export class LegalModule {}
