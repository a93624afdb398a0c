package fpimport.source;

import java.util.List;
import java.util.Map;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {

	@Test
	void findsAColumnIgnoringSpacesCaseAndWidth() {
		Headers headers = Headers.of(List.of("标题", " Priority ", "负责人（主）"));
		assertThat(headers.find("priority")).contains(" Priority ");
		assertThat(headers.find("ＰＲＩＯＲＩＴＹ")).contains(" Priority ");
		assertThat(headers.find("负责人(主)")).contains("负责人（主）");
		assertThat(headers.indexOf("标题")).isZero();
		assertThat(headers.indexOf("描述")).isEqualTo(-1);
		assertThat(headers.find("描述")).isEmpty();
		assertThat(headers.names()).containsExactly("标题", " Priority ", "负责人（主）");
	}

	@Test
	void duplicatesByMatchKeyNameBothPositions() {
		assertThatThrownBy(() -> Headers.of("a.xlsx, sheet 'S', row 1", List.of("Title", "描述", "ＴＩＴＬＥ"),
				(index) -> "column " + (char) ('A' + index)))
			.isInstanceOfSatisfying(FpImportException.class, (ex) -> {
				assertThat(ex.getMessage()).isEqualTo(
						"a.xlsx, sheet 'S', row 1: column A and column C of the header row have the same name 'ＴＩＴＬＥ'");
				assertThat(ex.hint()).startsWith("rename one of them");
			});
	}

	@Test
	void emptyNamesAndAnEmptyHeaderAreErrors() {
		assertThatThrownBy(() -> Headers.of(List.of("a", "  ", "c"))).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("header: column 2 of the header row has no name"));
		assertThatThrownBy(() -> Headers.of(List.of())).isInstanceOfSatisfying(FpImportException.class,
				(ex) -> assertThat(ex.getMessage()).isEqualTo("header: the header row is empty"));
	}

	@Test
	void cellsAreAMapInHeaderOrderThatSourceRowCopies() {
		Headers headers = Headers.of(List.of("b", "a", "c"));
		String[] values = { "2", "1", "" };
		SourceRow row = SourceRow.of(7, headers.cells(values));
		values[0] = "changed";
		assertThat(row.cells()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"), Map.entry("c", ""));
		assertThatThrownBy(() -> headers.cells(new String[] { "1" })).isInstanceOf(IllegalArgumentException.class);
	}

}
