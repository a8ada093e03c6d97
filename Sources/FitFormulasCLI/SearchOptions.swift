import ArgumentParser

/// Options of the formula search (stub until the search engine lands).
struct SearchOptions: ParsableArguments {}
