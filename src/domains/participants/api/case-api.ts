import type { CaseService } from '../case-service.ts';

export function caseOperations(_cases: CaseService) {
  return [];
}
