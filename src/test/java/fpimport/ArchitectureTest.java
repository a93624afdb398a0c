package fpimport;

import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of docs/design.md#packages. */
class ArchitectureTest {

	private static JavaClasses classes;

	/** For each package, the fpimport packages it may import besides itself. */
	private static final Map<String, List<String>> MAY_IMPORT = Map.ofEntries( //
			Map.entry("job",
					List.of("source", "mapping", "api", "result", "report", "metadata", "workitem", "failure")),
			Map.entry("source", List.of("workitem", "failure")),
			Map.entry("mapping", List.of("metadata", "translation", "workitem", "source", "failure")),
			Map.entry("translation", List.of("metadata", "workitem", "failure")),
			Map.entry("metadata", List.of("workitem", "failure")),
			Map.entry("api", List.of("metadata", "workitem", "failure")),
			Map.entry("result", List.of("workitem", "failure")),
			Map.entry("report", List.of("result", "workitem", "failure")),
			Map.entry("watch", List.of("job", "source", "result", "report", "workitem", "failure")),
			Map.entry("emulator", List.of()), Map.entry("workitem", List.of()), Map.entry("failure", List.of()));

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fpimport");
	}

	@Test
	void packagesImportOnlyWhatTheDesignAllows() {
		MAY_IMPORT.forEach((name, allowed) -> {
			String[] others = MAY_IMPORT.keySet()
				.stream()
				.filter((other) -> !other.equals(name) && !allowed.contains(other))
				.map((other) -> "fpimport." + other + "..")
				.toArray(String[]::new);
			ArchRule rule = noClasses().that()
				.resideInAPackage("fpimport." + name + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.allowEmptyShould(true);
			rule.check(classes);
		});
	}

	@Test
	void coreIsFreeOfFrameworks() {
		noClasses().that()
			.resideInAnyPackage("fpimport.mapping..", "fpimport.translation..", "fpimport.metadata..",
					"fpimport.workitem..", "fpimport.failure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "picocli..", "java.net.http..", "com.sun.net.httpserver..",
					"java.sql..", "javax.sql..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void onlyJobUsesSpringBatch() {
		noClasses().that()
			.resideOutsideOfPackages("fpimport.job..", "fpimport.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.batch..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void onlyCliUsesPicocli() {
		noClasses().that()
			.resideOutsideOfPackage("fpimport.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("picocli..")
			.check(classes);
	}

	@Test
	void onlyApiSpeaksHttpAndOnlyTheEmulatorServesIt() {
		noClasses().that()
			.resideOutsideOfPackage("fpimport.api..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("java.net.http..")
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackage("fpimport.emulator..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.sun.net.httpserver..")
			.check(classes);
	}

	@Test
	void onlyResultSpeaksSql() {
		noClasses().that()
			.resideOutsideOfPackages("fpimport.result..", "fpimport.job..", "fpimport.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void noPackageCycles() {
		slices().matching("fpimport.(*)..").should().beFreeOfCycles().check(classes);
	}

}
