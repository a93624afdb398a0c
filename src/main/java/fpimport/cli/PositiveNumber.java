package fpimport.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A count option that must be 1 or more ({@code --concurrency}, {@code --chunk-size},
 * {@code --qps}): anything else is a usage error naming the option, not a fault deep in
 * the run.
 */
final class PositiveNumber implements ITypeConverter<Integer> {

	@Override
	public Integer convert(String value) {
		int number;
		try {
			number = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new TypeConversionException("'" + value + "' is not a whole number; give 1 or more");
		}
		if (number < 1) {
			throw new TypeConversionException("'" + value + "' must be 1 or more");
		}
		return number;
	}

}
