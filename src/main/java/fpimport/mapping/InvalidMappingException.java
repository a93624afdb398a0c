package fpimport.mapping;

import java.util.List;

import fpimport.failure.FpImportException;

/**
 * A mapping that cannot be used, with every problem found, each led by its YAML path
 * ({@code fields.priority.column: ...}). Its reason is always {@code INVALID_INPUT}.
 */
public final class InvalidMappingException extends FpImportException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	InvalidMappingException(String subject, List<String> problems) {
		super(Reason.INVALID_INPUT, message(subject, problems),
				"fix the mapping; docs/mapping.md describes every setting and `fpimport meta` lists the space's fields");
		this.problems = List.copyOf(problems);
	}

	/** The problems, one line each, YAML path first. */
	public List<String> problems() {
		return this.problems;
	}

	private static String message(String subject, List<String> problems) {
		StringBuilder text = new StringBuilder(subject).append(" has ")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem:" : " problems:");
		for (String problem : problems) {
			text.append("\n  ").append(problem);
		}
		return text.toString();
	}

}
