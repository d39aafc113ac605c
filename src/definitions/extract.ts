import type { ParsedDocument } from '../loaders/source-document.js';
import { findApiRequest } from './api-request.js';
import type { Definition } from './definition.js';
import { findTemplateDefinitions, type TemplateOptions } from './template.js';

export type ExtractOptions = TemplateOptions;

/** Every model bias job definition a document holds; none for files that are something else. */
export function extractDefinitions(document: ParsedDocument, options: ExtractOptions = {}): Definition[] {
  const request = findApiRequest(document);
  return request === undefined ? findTemplateDefinitions(document, options) : [request];
}
