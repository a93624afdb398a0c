package fpimport.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;

/**
 * Where POI's streaming writer keeps its temporary rows: a directory of this process's
 * own, readable by its user alone, deleted when the process ends. POI's default is one
 * {@code poifiles} folder in the system temporary directory, which the first user to
 * create it owns, so every other user's report failed.
 */
public final class PrivateTempFiles implements TempFileCreationStrategy {

	private static Path directory;

	private final Path root;

	private PrivateTempFiles(Path root) {
		this.root = root;
	}

	/**
	 * Makes POI put its temporary files in this process's directory; creates it on the
	 * first call.
	 * @return the directory
	 */
	public static synchronized Path use() {
		if (directory == null) {
			try {
				// created with owner-only permissions where the file system has them
				Path created = Files.createTempDirectory("fpimport-");
				// deleted after every shutdown hook has run, so that a run finishing its
				// report on SIGTERM still has it; its files, registered later, go first
				created.toFile().deleteOnExit();
				TempFile.setTempFileCreationStrategy(new PrivateTempFiles(created));
				directory = created;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create a temporary directory in "
						+ System.getProperty("java.io.tmpdir") + ": " + ex.getMessage(), ex);
			}
		}
		return directory;
	}

	@Override
	public File createTempFile(String prefix, String suffix) throws IOException {
		File file = Files.createTempFile(this.root, prefix, suffix).toFile();
		file.deleteOnExit();
		return file;
	}

	@Override
	public File createTempDirectory(String prefix) throws IOException {
		File created = Files.createTempDirectory(this.root, prefix).toFile();
		created.deleteOnExit();
		return created;
	}

}
