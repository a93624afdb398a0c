package fpimport.cli;

import fpimport.TestEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewCompositeCellsTest {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo());

	@Test
	void jsonShowsThePartsOfCommentAndAttachmentCells() {
		this.cli.write("jira.csv", String.join("\n", "Summary,Comment,Attachment",
				"Login,\"2024-03-12 10:20;Liu Yang;Fixed; see log\nline two\",2024-03-10 09:00;557058:abc;a.png;https://j/a.png",
				"Plain,just text,", ""));
		CliRun run = this.cli.run("preview", this.cli.path("jira.csv").toString(), "--json");
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo(String.join("\n",
				"{\"Summary\":\"Login\",\"Comment\":{\"date\":\"2024-03-12 10:20\",\"author\":\"Liu Yang\","
						+ "\"body\":\"Fixed; see log\\nline two\"},\"Attachment\":{\"date\":\"2024-03-10 09:00\","
						+ "\"author\":\"557058:abc\",\"file\":\"a.png\",\"url\":\"https://j/a.png\"}}",
				"{\"Summary\":\"Plain\",\"Comment\":{\"date\":null,\"author\":null,\"body\":\"just text\"},\"Attachment\":\"\"}",
				""));
	}

}
