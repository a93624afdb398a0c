package fpimport.cli;

/** What a command line run by {@link CliWorkspace} returned and printed. */
record CliRun(int exitCode, String out, String err) {

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
	}

}
