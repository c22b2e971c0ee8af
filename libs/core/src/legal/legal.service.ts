import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { marked } from 'marked';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { logger } from '../logging/logger.js';

/** The pages a German public body's web application must have, by their path. */
export const LEGAL_PAGES = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalPageName = (typeof LEGAL_PAGES)[number];

export interface LegalPage {
  page: LegalPageName;
  lang: 'de' | 'en';
  /** The file's first `# ` heading (not repeated in `html`). */
  title: string;
  /** The page rendered from the deployment's Markdown (trusted: the operator writes it). */
  html: string;
  /** True while the shipped template is served: the operator has not put their own text in place. */
  template: boolean;
}

/** The templates shipped with the portal (`legal/` at the repository's root), from src or dist. */
export function templateDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../../../legal'), resolve(process.cwd(), 'legal')];
  return (
    candidates.find((dir) => existsSync(join(dir, 'impressum.de.md'))) ?? candidates[candidates.length - 1]
  );
}

/**
 * Impressum (§ 5 DDG), Datenschutzerklärung (Art. 13 GDPR) and Erklärung zur Barrierefreiheit
 * (BITV 2.0 § 7), one Markdown file per page and language in LEGAL_DIR (`impressum.de.md`,
 * `impressum.en.md`, …); English falls back to German. Without LEGAL_DIR the shipped templates are
 * served and marked as such.
 */
@Injectable()
export class LegalService implements OnApplicationBootstrap {
  private readonly dir: string;
  /** Rendered pages by file, with the modification time and size they were rendered from. */
  private readonly rendered = new Map<string, { mtimeMs: number; size: number; page: Promise<LegalPage> }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.dir = config.legalDir ?? templateDir();
  }

  onApplicationBootstrap(): void {
    if (this.config.production && !this.config.legalDir)
      logger.warn(
        { component: 'legal' },
        'LEGAL_DIR is not set: the Impressum, privacy notice and accessibility statement are the shipped templates',
      );
  }

  isPage(name: string): name is LegalPageName {
    return (LEGAL_PAGES as readonly string[]).includes(name);
  }

  /**
   * The page, rendered once per version of its file: a request costs a `stat`, and an operator's
   * edit (a new modification time or size) is rendered at the next request, without a restart.
   */
  async page(page: LegalPageName, lang: 'de' | 'en'): Promise<LegalPage> {
    const own = join(this.dir, `${page}.${lang}.md`);
    const file = lang === 'en' && !existsSync(own) ? join(this.dir, `${page}.de.md`) : own;
    const { mtimeMs, size } = await stat(file);
    const cached = this.rendered.get(file);
    if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.page;
    const rendering = this.render(file, page, file === own ? lang : 'de');
    this.rendered.set(file, { mtimeMs, size, page: rendering });
    // A failed read or render is not kept: the next request tries again.
    rendering.catch(() => {
      if (this.rendered.get(file)?.page === rendering) this.rendered.delete(file);
    });
    return rendering;
  }

  private async render(file: string, page: LegalPageName, served: 'de' | 'en'): Promise<LegalPage> {
    const markdown = await readFile(file, 'utf8');
    const heading = /^#\s+(.+)$/m.exec(markdown);
    const body = heading ? markdown.replace(heading[0], '') : markdown;
    return {
      page,
      lang: served,
      title: heading?.[1].trim() ?? page,
      html: await marked.parse(body, { async: true, gfm: true }),
      template: !this.config.legalDir,
    };
  }
}
