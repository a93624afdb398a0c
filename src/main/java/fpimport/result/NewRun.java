package fpimport.result;

import java.util.Objects;

/** What a new run is about; the store gives it an id and a start time. */
public record NewRun(RunKind kind, Long parentRunId, boolean dryRun, String sourceFile, String sourceSha256,
		String sheet, String mappingFile, String mappingSha256, String mappingText, String onExisting,
		String projectKey, String typeKey) {

	public NewRun {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sourceFile, "sourceFile");
		Objects.requireNonNull(mappingSha256, "mappingSha256");
		Objects.requireNonNull(mappingText, "mappingText");
		Objects.requireNonNull(onExisting, "onExisting");
	}

}
