package fpimport.result;

/** The work item a row key became, and the run that created it. */
public record LedgerEntry(long workItemId, long runId) {
}
