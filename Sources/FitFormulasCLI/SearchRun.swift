/// Runs the formula search (stub until the search engine lands).
enum SearchRun {
  static func run(_ input: LoadedInput, options: SearchOptions, common: CommonOptions) throws {
    throw InputError(description: "formula search is not built yet; use --fit FORMULA")
  }
}
