extension Expression {
  /// The formula as text that `sympy.sympify` parses: `**` for powers, `sqrt`, `log`, `exp`,
  /// `Abs`; same minimal parentheses as ``description``. Symbol names are written as they are,
  /// so names that sympy reserves (`E`, `I`, `N`, `S`, `O`, `Q`) should be renamed first.
  public func sympy() -> String {
    var out = ""
    write(to: &out, style: .sympy)
    return out
  }
}
