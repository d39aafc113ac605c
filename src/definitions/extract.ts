import type { ParsedDocument } from '../loaders/source-document.js';
import { findApiRequest } from './api-request.js';
import type { Definition } from './definition.js';

/** Every model bias job definition a document holds; none for files that are something else. */
export function extractDefinitions(document: ParsedDocument): Definition[] {
  const request = findApiRequest(document);
  return request === undefined ? [] : [request];
}
