import Expressions

/// Foundation also exports a type named `Expression`; inside Reports the name means the formula type.
typealias Expression = Expressions.Expression
