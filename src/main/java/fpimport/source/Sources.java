package fpimport.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Opens a spreadsheet file as a {@link RowSource}, choosing the {@link SourceFormat} by
 * the file's content, whatever its name says; only plain text named as a workbook is
 * refused rather than read as CSV.
 */
public final class Sources {

	/** How many bytes of a file its format is recognized by. */
	public static final int HEAD_BYTES = 4096;

	private Sources() {
	}

	/**
	 * Opens a file and reads its header row; a file that cannot be read is an
	 * {@link FpImportException} with a one-line message and a hint.
	 */
	public static RowSource open(Path path, SourceSettings settings) {
		String file = path.toString();
		if (!Files.exists(path)) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": no such file", "check the path");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": not a readable file",
					"give the path of a " + SourceFormats.extensionsInWords() + " file");
		}
		byte[] head = head(path);
		if (head.length == 0) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": the file is empty",
					"export the data again; the file has no bytes");
		}
		Optional<SourceFormat> named = SourceFormats.byFileName(path.getFileName().toString());
		for (SourceFormat format : SourceFormats.ALL) {
			if (format.recognizes(head)) {
				if (format.plainText() && named.isPresent() && !named.get().plainText()) {
					// a CSV saved under a workbook's name: reading it as CSV would hide a
					// wrong export
					throw new FpImportException(Reason.INVALID_INPUT,
							file + " is not an Excel workbook: it holds plain text; if it is CSV, rename it to ."
									+ format.extensions().get(0),
							null);
				}
				return format.open(path, settings);
			}
		}
		throw notSpreadsheet(file, unrecognized(head, path.getFileName().toString()));
	}

	/**
	 * The failure for a file that is not one of the {@link SourceFormats}, with the hint
	 * naming those that are.
	 * @param why what the file is instead, such as {@code it is a PDF document}
	 */
	public static FpImportException notSpreadsheet(String file, String why) {
		return new FpImportException(Reason.INVALID_INPUT, file + ": not a spreadsheet: " + why,
				"give a " + SourceFormats.extensionsInWords() + " file; from Excel or WPS use File > Save As");
	}

	private static byte[] head(Path path) {
		try (InputStream in = Files.newInputStream(path)) {
			return in.readNBytes(HEAD_BYTES);
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, path + ": cannot read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
	}

	private static String unrecognized(byte[] head, String fileName) {
		FileMagic magic = FileMagic.valueOf(head);
		if (magic != FileMagic.UNKNOWN) {
			return "it is " + describe(magic);
		}
		Optional<SourceFormat> named = SourceFormats.byFileName(fileName);
		if (named.isPresent()) {
			String extension = fileName.substring(fileName.lastIndexOf('.'));
			return "it is named " + extension + " but is not " + named.get().content();
		}
		return "it holds binary data, not text";
	}

	private static String describe(FileMagic magic) {
		return switch (magic) {
			case PDF -> "a PDF document";
			case HTML -> "an HTML page (some web exports name these .xls)";
			case XML -> "an XML file (an Excel 2003 XML export?)";
			case RTF, MSWRITE, WORD2 -> "a word-processor document";
			case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> "an image";
			case BIFF2, BIFF3, BIFF4 -> "an Excel 2.x-4.x workbook, a format too old to read";
			default -> "of an unknown kind (" + magic + ")";
		};
	}

}
