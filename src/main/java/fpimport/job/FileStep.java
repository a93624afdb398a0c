package fpimport.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One file of the row, uploaded to the attachment field. Done when the field holds as
 * many files of this name and size as the row names up to and including this one.
 */
final class FileStep implements AfterCreateStep {

	private final String fieldKey;

	private final List<String> files;

	private final int index;

	FileStep(String fieldKey, List<String> files, int index) {
		this.fieldKey = fieldKey;
		this.files = files;
		this.index = index;
	}

	private Path file() {
		return Path.of(this.files.get(this.index));
	}

	@Override
	public String kind() {
		return "file";
	}

	@Override
	public String what() {
		return file().getFileName().toString();
	}

	@Override
	public boolean done(ItemView item) {
		String name = what();
		long size = size(file());
		long wanted = this.files.subList(0, this.index + 1)
			.stream()
			.filter((other) -> Path.of(other).getFileName().toString().equals(name) && size(Path.of(other)) == size)
			.count();
		List<Map<String, Object>> stored = item.files(this.fieldKey);
		long found = stored.stream()
			.filter((file) -> name.equals(file.get("name"))
					&& Objects.equals(String.valueOf(size), String.valueOf(file.get("size"))))
			.count();
		return found >= wanted;
	}

	@Override
	public void run(ItemView item, String key) {
		item.client().upload(item.projectKey(), item.typeKey(), item.itemId(), this.fieldKey, file(), key);
		item.uploaded(file(), size(file()));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
