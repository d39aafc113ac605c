import type { ParsedDocument, SourceDocument } from '../loaders/source-document.js';
import { findApiRequest } from './api-request.js';
import type { Definition } from './definition.js';
import { findTemplateDefinitions, type TemplateOptions } from './template.js';

export type ExtractOptions = TemplateOptions;

/**
 * Every model bias job definition a document holds; none for files that are something else. Asynchronous only
 * because each kind's model and validator are loaded the first time a definition of that kind is found.
 */
export async function extractDefinitions(document: ParsedDocument, options: ExtractOptions = {}): Promise<Definition[]> {
  const request = await findApiRequest(document);
  return request === undefined ? findTemplateDefinitions(document, options) : [request];
}

/** The definitions of every document of a file, and whether a leniently read file would have held any. */
export async function extractFromSource(source: SourceDocument, options: ExtractOptions = {}): Promise<Definition[]> {
  const documents = source.problems.length > 0 ? (source.lenientDocuments ?? []) : source.documents;
  return (await Promise.all(documents.map((document) => extractDefinitions(document, options)))).flat();
}
