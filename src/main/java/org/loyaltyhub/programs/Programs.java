package org.loyaltyhub.programs;

/** A circuit's program as customers see it: the settings in force (cached for a few seconds). */
public interface Programs {

    ProgramSettings settings(long circuitId);
}
