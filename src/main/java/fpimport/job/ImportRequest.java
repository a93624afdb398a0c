package fpimport.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An import of one file.
 *
 * @param file the CSV/XLSX/XLS file
 * @param mapping the mapping file
 * @param projectOverride the project that replaces the mapping's, or {@code null}
 * @param dryRun everything but the create and update calls
 * @param onExisting what to do with rows imported before
 */
public record ImportRequest(Path file, Path mapping, String projectOverride, boolean dryRun, OnExisting onExisting) {

	public ImportRequest {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(mapping, "mapping");
		Objects.requireNonNull(onExisting, "onExisting");
	}

}
