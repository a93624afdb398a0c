package fpimport.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import fpimport.source.csv.CsvFormat;
import fpimport.source.xlsx.XlsFormat;
import fpimport.source.xlsx.XlsxFormat;

/**
 * The input formats, the one list that reading a file, the watched directory and every
 * message naming the accepted files take them from.
 */
public final class SourceFormats {

	/** Every format, in the order messages name them. */
	public static final List<SourceFormat> ALL = List.of(new CsvFormat(), new XlsxFormat(), new XlsFormat());

	private SourceFormats() {
	}

	/** Every extension of every format, lower case without the dot. */
	public static List<String> extensions() {
		return ALL.stream().flatMap((format) -> format.extensions().stream()).toList();
	}

	/** The format whose extension the file name ends with, if any. */
	public static Optional<SourceFormat> byFileName(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		int dot = lower.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = lower.substring(dot + 1);
		return ALL.stream().filter((format) -> format.extensions().contains(extension)).findFirst();
	}

	/** The accepted file names in words, such as {@code .csv, .xlsx or .xls}. */
	public static String extensionsInWords() {
		return inWords(extensions().stream().map((extension) -> "." + extension).toList());
	}

	/** The formats' names in words, such as {@code CSV, XLSX or XLS}. */
	public static String namesInWords() {
		return inWords(ALL.stream().map(SourceFormat::name).toList());
	}

	private static String inWords(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
				+ items.get(items.size() - 1);
	}

}
