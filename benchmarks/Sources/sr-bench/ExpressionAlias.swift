import Expressions

/// Foundation also exports a type named `Expression`; inside this module the name means the formula type.
typealias Expression = Expressions.Expression
