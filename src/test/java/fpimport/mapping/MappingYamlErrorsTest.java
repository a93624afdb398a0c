package fpimport.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 17, item 13: a YAML error names the line it quotes. */
class MappingYamlErrorsTest {

	@Test
	void aTabIsReportedOnItsOwnLineWhichIsQuoted() {
		String yaml = "project: demo\ntype: x\nname: 标题\nfields:\n  description: 描述\n\tpriority: 优先级\n";
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class,
				() -> MappingLoader.parse(yaml, "m.yaml"));
		assertThat(ex.getMessage()).contains("line 6, column 1: not valid YAML")
			.contains("TAB")
			.contains("the line reads '\\tpriority: 优先级'")
			.doesNotContain("line 5");
	}

	@Test
	void aTabAfterAKeyIsReportedWhereItIs() {
		String yaml = "project: demo\ntype: x\nfields:\n  a: b\n  c:\td\n  e: f\n";
		InvalidMappingException ex = catchThrowableOfType(InvalidMappingException.class,
				() -> MappingLoader.parse(yaml, "m.yaml"));
		assertThat(ex.getMessage()).contains("line 5, column 5: not valid YAML").contains("'  c:\\td'");
	}

}
