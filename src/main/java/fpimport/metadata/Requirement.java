package fpimport.metadata;

/** Whether a field must be set on create ({@code is_required}: 1, 2 or 3). */
public enum Requirement {

	REQUIRED, OPTIONAL, CONDITIONAL;

	/**
	 * The requirement for an {@code is_required} code; unknown codes count as optional.
	 */
	public static Requirement ofCode(int code) {
		return switch (code) {
			case 1 -> REQUIRED;
			case 3 -> CONDITIONAL;
			default -> OPTIONAL;
		};
	}

}
