export { type CheckShown, registerCheckPage } from './check-page.ts';
export {
  CHECK_RULE,
  createVerifiableDocuments,
  type DocumentKind,
  type FoundDocument,
  type IssuedCode,
  type VerifiableDocuments,
} from './verifiable-documents.ts';
export { codeHash, formatCode, newVerificationCode, normaliseCode } from './verification-code.ts';
