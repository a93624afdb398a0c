package fpimport.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as stored: what was imported with which mapping into which space, how it
 * stands, and its counts.
 */
public record RunRecord(long runId, RunKind kind, Long parentRunId, boolean dryRun, String sourceFile,
		String sourceSha256, String sheet, String mappingFile, String mappingSha256, String mappingText,
		String onExisting, String projectKey, String typeKey, List<String> headers, RunStatus status, RunCounts counts,
		String message, String reportPath, Instant startedAt, Instant endedAt) {

	public RunRecord {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sourceFile, "sourceFile");
		Objects.requireNonNull(mappingText, "mappingText");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(startedAt, "startedAt");
		headers = (headers == null) ? null : List.copyOf(headers);
	}

}
