package fpimport.translation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Jira's composite cells: a {@code Comment} cell {@code date;author;body} and an
 * {@code Attachment} cell {@code date;author;filename;url}. Only the first two (comment)
 * or three (attachment) semicolons separate parts; the rest belongs to the body or the
 * URL, line breaks included. A cell whose first part does not start with a digit is not
 * composite: a comment is then all body, an attachment all file name.
 */
public final class JiraCells {

	private JiraCells() {
	}

	/**
	 * One comment cell.
	 *
	 * @param dateText the date as written, or {@code null}
	 * @param time the date read as a wall-clock time (dates as the mapping's date fields
	 * read them), or {@code null} when absent or unreadable
	 * @param author the author as written (a name, user name or account id), or
	 * {@code null}
	 * @param body the comment text
	 */
	public record Comment(String dateText, LocalDateTime time, String author, String body) {

		public Comment {
			Objects.requireNonNull(body, "body");
		}

		/** Whether the cell carried a date and an author. */
		public boolean composite() {
			return this.dateText != null;
		}

	}

	/**
	 * One attachment cell.
	 *
	 * @param dateText the date as written, or {@code null}
	 * @param time the date as a wall-clock time, or {@code null}
	 * @param author the uploader as written, or {@code null}
	 * @param fileName the file's name
	 * @param url where Jira kept the file, or {@code null}
	 */
	public record Attachment(String dateText, LocalDateTime time, String author, String fileName, String url) {

		public Attachment {
			Objects.requireNonNull(fileName, "fileName");
		}

	}

	/** Reads a comment cell. */
	public static Comment comment(String cell) {
		String[] parts = cell.split(";", 3);
		if (parts.length < 3 || !datelike(parts[0])) {
			return new Comment(null, null, null, cell.strip());
		}
		String date = parts[0].strip();
		return new Comment(date, wallClock(date), emptyToNull(parts[1].strip()), parts[2].strip());
	}

	/** Reads an attachment cell. */
	public static Attachment attachment(String cell) {
		String[] parts = cell.split(";", 4);
		if (parts.length < 3 || !datelike(parts[0])) {
			return new Attachment(null, null, null, cell.strip(), null);
		}
		String date = parts[0].strip();
		String url = (parts.length == 4) ? emptyToNull(parts[3].strip()) : null;
		return new Attachment(date, wallClock(date), emptyToNull(parts[1].strip()), parts[2].strip(), url);
	}

	private static boolean datelike(String part) {
		String text = part.strip();
		return !text.isEmpty() && Character.isDigit(text.charAt(0));
	}

	// read in UTC and turned back: the wall-clock time as written, whatever the zone
	private static LocalDateTime wallClock(String date) {
		Translation read = new DateReader("the date", FieldSettings.plain(ZoneOffset.UTC)).read(date);
		if (!read.ok()) {
			return null;
		}
		return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) read.value()), ZoneOffset.UTC);
	}

	private static String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
