package com.jobsconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A command made of subcommands ({@code job}, {@code directory}): alone, it prints their usage and exits 2. */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CliContext.INVALID_INPUT;
    }
}
