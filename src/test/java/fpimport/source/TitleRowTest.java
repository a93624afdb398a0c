package fpimport.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A title above the header is noticed, and nothing else is taken for one. */
class TitleRowTest {

	@TempDir
	Path directory;

	private Path csv(String text) throws Exception {
		return Files.writeString(this.directory.resolve("t.csv"), text, StandardCharsets.UTF_8);
	}

	@Test
	void aLoneCellAboveAWiderRowIsATitle() throws Exception {
		Path file = csv("2026 Q1 需求清单,,\n编号,标题,优先级\nREQ-1,登录,P1\n");
		assertThat(TitleRow.headerBelow(file, SourceSettings.defaults())).isEqualTo(OptionalInt.of(2));
		assertThat(TitleRow.note(1, 2))
			.isEqualTo("row 1 looks like a title; the header seems to be row 2: --header-row 2");
	}

	@Test
	void aTitleBelowTheHeaderRowGivenIsFoundToo() throws Exception {
		Path file = csv("\n2026 Q1\n编号,标题\nREQ-1,登录\n");
		assertThat(TitleRow.headerBelow(file, SourceSettings.defaults().withHeaderRow(2))).isEqualTo(OptionalInt.of(3));
	}

	@Test
	void aHeaderOrAOneColumnFileIsNoTitle() throws Exception {
		assertThat(TitleRow.headerBelow(csv("编号,标题\nREQ-1,登录\n"), SourceSettings.defaults())).isEmpty();
		assertThat(TitleRow.headerBelow(csv("编号\nREQ-1\nREQ-2\n"), SourceSettings.defaults())).isEmpty();
		assertThat(TitleRow.headerBelow(this.directory.resolve("missing.csv"), SourceSettings.defaults())).isEmpty();
	}

}
