//! JS `String(x)` of a Number (ECMA-262 `Number::toString`, radix 10): the
//! property name a float dict key becomes in a plain JS object, which the
//! key-collision check of `to_js` must use (`1e21` is `"1e+21"`, `inf` is
//! `"Infinity"`).

/// `String(x)` as JS spells it: `NaN`, `Infinity`, `0` for ±0, else the
/// shortest digits that round-trip, positional for decimal exponents from
/// -7 to 20 (`0.000001`, `100000000000000000000`), exponential outside
/// (`1e-7`, `1.5e+21`).
pub fn number_to_js_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    // `{:e}` without a precision gives the shortest round-trip digits: "d.ddde<exp>".
    let exp_form = format!("{:e}", x.abs());
    let (mantissa, exp) = exp_form.split_once('e').unwrap_or((exp_form.as_str(), "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i64;
    // x = 0.DIGITS * 10^n
    let n = exp.parse::<i64>().unwrap_or(0) + 1;
    if k <= n && n <= 21 {
        format!("{sign}{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        format!("{sign}{int}.{frac}")
    } else if -6 < n && n <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e_sign = if e >= 0 { "+" } else { "-" };
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!("{sign}{first}{frac}e{e_sign}{}", e.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::number_to_js_string;

    #[test]
    fn spells_numbers_as_js_string_does() {
        // The right-hand sides are Node's String(x).
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (1.0, "1"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (123.456, "123.456"),
            (100.0, "100"),
            (1e16, "10000000000000000"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (2f64.powi(70), "1.1805916207174113e+21"),
            (9007199254740992.0, "9007199254740992"),
            (1e-6, "0.000001"),
            (-0.000001234, "-0.000001234"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for (x, js) in cases {
            assert_eq!(number_to_js_string(x), js, "String({x:e})");
        }
    }
}
