package fpimport.source.xlsx;

import java.nio.file.Path;
import java.util.List;

import fpimport.source.RowSource;
import fpimport.source.SourceFormat;
import fpimport.source.SourceSettings;
import org.apache.poi.poifs.filesystem.FileMagic;

/** An Excel 2007+ workbook: a zip of XML parts (Office Open XML). */
public final class XlsxFormat implements SourceFormat {

	@Override
	public String name() {
		return "XLSX";
	}

	@Override
	public List<String> extensions() {
		return List.of("xlsx");
	}

	@Override
	public String content() {
		return "an xlsx (zip) file";
	}

	@Override
	public boolean recognizes(byte[] head) {
		return FileMagic.valueOf(head) == FileMagic.OOXML;
	}

	@Override
	public RowSource open(Path file, SourceSettings settings) {
		return XlsxSource.open(file, settings);
	}

}
