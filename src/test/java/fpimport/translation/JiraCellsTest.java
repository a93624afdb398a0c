package fpimport.translation;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JiraCellsTest {

	@Test
	void commentKeepsSemicolonsAndLineBreaksOfItsBody() {
		JiraCells.Comment comment = JiraCells.comment("2024-03-12 10:20;liu.yang;First; second\nthird line");
		assertThat(comment.composite()).isTrue();
		assertThat(comment.dateText()).isEqualTo("2024-03-12 10:20");
		assertThat(comment.time()).isEqualTo(LocalDateTime.of(2024, 3, 12, 10, 20));
		assertThat(comment.author()).isEqualTo("liu.yang");
		assertThat(comment.body()).isEqualTo("First; second\nthird line");
	}

	@Test
	void commentWithAnUnreadableDateKeepsTheDateAsWritten() {
		JiraCells.Comment comment = JiraCells.comment("31/Feb/24 9:00 AM;557058:abc-1234;text");
		assertThat(comment.dateText()).isEqualTo("31/Feb/24 9:00 AM");
		assertThat(comment.time()).isNull();
		assertThat(comment.author()).isEqualTo("557058:abc-1234");
		assertThat(comment.body()).isEqualTo("text");
	}

	@Test
	void aPlainCellIsAllBody() {
		JiraCells.Comment comment = JiraCells.comment("Looks good; ship it; now");
		assertThat(comment.composite()).isFalse();
		assertThat(comment.author()).isNull();
		assertThat(comment.body()).isEqualTo("Looks good; ship it; now");
		assertThat(JiraCells.comment("only;one").body()).isEqualTo("only;one");
	}

	@Test
	void attachmentHasDateAuthorFileAndUrl() {
		JiraCells.Attachment attachment = JiraCells.attachment(
				"2024-03-10 14:11;557058:abc;design.png;https://jira.example.com/secure/attachment/1/design.png");
		assertThat(attachment.time()).isEqualTo(LocalDateTime.of(2024, 3, 10, 14, 11));
		assertThat(attachment.author()).isEqualTo("557058:abc");
		assertThat(attachment.fileName()).isEqualTo("design.png");
		assertThat(attachment.url()).isEqualTo("https://jira.example.com/secure/attachment/1/design.png");
	}

	@Test
	void aUrlKeepsItsSemicolonsAndAPlainCellIsAFileName() {
		assertThat(JiraCells.attachment("2024-03-10 14:11;bob;a.txt;https://x/a;b").url()).isEqualTo("https://x/a;b");
		JiraCells.Attachment plain = JiraCells.attachment("specs/design v2.pdf");
		assertThat(plain.fileName()).isEqualTo("specs/design v2.pdf");
		assertThat(plain.dateText()).isNull();
		assertThat(plain.url()).isNull();
	}

}
