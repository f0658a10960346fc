"""The data models: program, follow-up, compilation, periods, units, vocabulary and the program index."""
