package fpimport.source.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceFormat;
import fpimport.source.SourceSettings;
import fpimport.source.Sources;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An Excel 97-2003 workbook, an OLE2 file with a {@code Workbook} stream. A
 * password-protected xlsx is an OLE2 file too, and is refused here with its own message.
 */
public final class XlsFormat implements SourceFormat {

	@Override
	public String name() {
		return "XLS";
	}

	@Override
	public List<String> extensions() {
		return List.of("xls");
	}

	@Override
	public String content() {
		return "an xls (OLE2) file";
	}

	@Override
	public boolean recognizes(byte[] head) {
		return FileMagic.valueOf(head) == FileMagic.OLE2;
	}

	@Override
	public RowSource open(Path path, SourceSettings settings) {
		String file = path.toString();
		POIFSFileSystem ole2;
		try {
			ole2 = new POIFSFileSystem(path.toFile(), true);
		}
		catch (IOException | RuntimeException ex) {
			throw new FpImportException(Reason.INVALID_INPUT,
					file + ": not a readable .xls file (truncated or damaged)",
					"open it in Excel or WPS and save it again as .xlsx", ex);
		}
		try (ole2) {
			DirectoryNode root = ole2.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
				throw new FpImportException(Reason.INVALID_INPUT, file + ": the workbook is password-protected",
						"open it in Excel or WPS, remove the password (File > Info > Protect Workbook) and save it again");
			}
			if (root.hasEntryCaseInsensitive("Workbook")) {
				return XlsSource.open(path, root, settings);
			}
			if (root.hasEntryCaseInsensitive("Book")) {
				throw new FpImportException(Reason.INVALID_INPUT,
						file + ": an Excel 5.0/95 workbook, a format too old to read",
						"open it in Excel or WPS and save it as .xlsx");
			}
			throw Sources.notSpreadsheet(file, "it is an Office file without a workbook (a Word or PowerPoint file?)");
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
	}

}
