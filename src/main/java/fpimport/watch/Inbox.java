package fpimport.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
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

	private final Set<String> skipped = new HashSet<>();

	private final List<String> notes = new ArrayList<>();

	Inbox(Path directory, Clock clock) {
		this.directory = directory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * The candidate files and how they look now: spreadsheets directly in the directory,
	 * not hidden, not empty, not a report of ours, and plain files of the inbox's own
	 * (see {@link #plainFile}); a candidate that is not is skipped and noted once.
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
					Look look = plainFile(file);
					if (look != null && look.size() > 0) {
						looks.put(file, look);
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

	/**
	 * How a file looks when it is a regular file whose real path is directly in the inbox
	 * and has no other name (hard link) elsewhere; {@code null}, with a note the first
	 * time, when it is anything else. A link would let whoever may write into the inbox
	 * import, and copy into reports, a file only the watcher's user may read.
	 */
	Look plainFile(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		String name = file.getFileName().toString();
		if (attributes.isSymbolicLink()) {
			return skipped(name, "a symbolic link");
		}
		if (!attributes.isRegularFile()) {
			return skipped(name, "not a regular file");
		}
		Path real = file.toRealPath();
		if (!this.directory.toRealPath().equals(real.getParent())) {
			return skipped(name, "its real path " + real + " is outside the inbox");
		}
		if (hardLinks(file) > 1) {
			return skipped(name, "it has another name (a hard link) outside the inbox");
		}
		return new Look(attributes.size(), attributes.lastModifiedTime());
	}

	private static int hardLinks(Path file) throws IOException {
		try {
			return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return 1; // a file system without link counts
		}
	}

	private Look skipped(String name, String why) {
		if (this.skipped.add(name + "\u0000" + why)) {
			this.notes.add("skipped " + name + ": " + why + "; the watcher imports only plain files of the inbox");
		}
		return null;
	}

	/** The notes of the files skipped since the last call, each file once. */
	List<String> takeNotes() {
		List<String> taken = List.copyOf(this.notes);
		this.notes.clear();
		return taken;
	}

	/**
	 * Why a file that looked the same twice is still not complete by its content, or
	 * {@code null}: a CSV whose last line has no line end (its writer may have paused in
	 * the middle of a row), an xlsx without the end record of its zip.
	 */
	static String unfinished(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		try (SeekableByteChannel channel = Files.newByteChannel(file, LinkOption.NOFOLLOW_LINKS)) {
			long size = channel.size();
			if (name.endsWith(".csv")) {
				ByteBuffer last = ByteBuffer.allocate(1);
				channel.position(size - 1).read(last);
				byte end = last.get(0);
				return (end == '\n' || end == '\r') ? null
						: "its last line has no line end: it may still be written (a CSV for watch ends with a line break)";
			}
			if (name.endsWith(".xlsx")) {
				// the end of central directory record: 22 bytes and a comment of up to 64
				// KiB
				int tail = (int) Math.min(size, 22 + 65_535);
				ByteBuffer bytes = ByteBuffer.allocate(tail);
				channel.position(size - tail);
				while (bytes.hasRemaining() && channel.read(bytes) > 0) {
				}
				byte[] array = bytes.array();
				for (int i = array.length - 22; i >= 0; i--) {
					if (array[i] == 'P' && array[i + 1] == 'K' && array[i + 2] == 5 && array[i + 3] == 6) {
						return null;
					}
				}
				return "the workbook has no zip end record: it may still be written";
			}
			return null;
		}
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
