package fpimport.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Where POI's streaming writer keeps its temporary rows: a directory of this process's
 * own, readable by its user alone, deleted when the process ends. POI's default is one
 * {@code poifiles} folder in the system temporary directory, which the first user to
 * create it owns, so every other user's report failed.
 */
public final class PrivateTempFiles {

	private static Path directory;

	private PrivateTempFiles() {
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
				Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "fpimport-temp-cleanup"));
				TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(created.toFile()));
				directory = created;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create a temporary directory in "
						+ System.getProperty("java.io.tmpdir") + ": " + ex.getMessage(), ex);
			}
		}
		return directory;
	}

	private static void delete(Path root) {
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			// the process is ending; what is left is in a directory no one else can read
		}
	}

}
