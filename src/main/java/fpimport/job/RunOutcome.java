package fpimport.job;

import fpimport.report.RunSummary;
import fpimport.failure.FpImportException;

/**
 * How a run ended: its summary, and the fault that stopped it, or {@code null} when it
 * ran to the end.
 */
public record RunOutcome(RunSummary summary, FpImportException stop) {

}
