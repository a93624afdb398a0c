package fpimport.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fpimport.source.SourceFormats;

/**
 * The watched directory: which files are candidates, which of them are complete, and the
 * moves into {@code done/} and {@code failed/}.
 */
final class Inbox {

	static final String DONE = "done";

	static final String FAILED = "failed";

	private static final Set<String> EXTENSIONS = Set.copyOf(SourceFormats.extensions());

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private final Path directory;

	private final Clock clock;

	Inbox(Path directory, Clock clock) {
		this.directory = directory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * The candidate files and how they look now: spreadsheets directly in the directory,
	 * not hidden, not empty, not a report of ours.
	 */
	Map<Path, Look> look() {
		Map<Path, Look> looks = new LinkedHashMap<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				if (!isCandidate(name)) {
					continue;
				}
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					if (attributes.isRegularFile() && attributes.size() > 0) {
						looks.put(file, new Look(attributes.size(), attributes.lastModifiedTime()));
					}
				}
				catch (NoSuchFileException gone) {
					// moved away by another watcher between the listing and this look
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + this.directory + ": " + ex.getMessage(), ex);
		}
		return looks;
	}

	static boolean isCandidate(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		int dot = lower.lastIndexOf('.');
		if (dot <= 0 || lower.startsWith(".") || lower.startsWith("~$")) {
			return false;
		}
		String base = lower.substring(0, dot);
		return EXTENSIONS.contains(lower.substring(dot + 1)) && !base.endsWith(".report") && !base.endsWith(".failed");
	}

	/**
	 * The files that looked the same twice: {@code before} and now. A file still being
	 * written changes its size or time between the looks.
	 */
	List<Path> unchanged(Map<Path, Look> before, Map<Path, Look> now) {
		List<Path> stable = new ArrayList<>();
		now.forEach((file, look) -> {
			if (look.equals(before.get(file))) {
				stable.add(file);
			}
		});
		stable.sort((a, b) -> {
			int byTime = now.get(a).modified().compareTo(now.get(b).modified());
			return (byTime != 0) ? byTime : a.getFileName().toString().compareTo(b.getFileName().toString());
		});
		return stable;
	}

	/**
	 * Moves a file into {@code done/} or {@code failed/}, with the files beside it that
	 * belong to it (its reports, named after it), keeping what is there: a name already
	 * taken gets a time stamp.
	 * @return where the file is now
	 */
	Path move(Path file, String into, List<Path> companions) throws IOException {
		Path target = this.directory.resolve(into);
		Files.createDirectories(target);
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = name.substring(0, dot);
		String extension = name.substring(dot);
		String newBase = base;
		for (int i = 1; clashes(target, base, newBase, extension, companions); i++) {
			newBase = base + "-" + STAMP.format(this.clock.instant()) + ((i > 1) ? "-" + i : "");
		}
		for (Path companion : companions) {
			moveOne(companion, target.resolve(newBase + companion.getFileName().toString().substring(base.length())));
		}
		Path moved = target.resolve(newBase + extension);
		moveOne(file, moved);
		return moved;
	}

	private static boolean clashes(Path target, String base, String newBase, String extension, List<Path> companions) {
		if (Files.exists(target.resolve(newBase + extension))) {
			return true;
		}
		for (Path companion : companions) {
			if (Files.exists(target.resolve(newBase + companion.getFileName().toString().substring(base.length())))) {
				return true;
			}
		}
		return false;
	}

	private static void moveOne(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to);
		}
	}

	/** How a file looked: its size and modification time. */
	record Look(long size, FileTime modified) {
	}

}
