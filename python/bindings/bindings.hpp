#pragma once
// Shared declarations of the pybind11 glue. Bindings only convert types: no scoring logic here.

#include <pybind11/pybind11.h>

namespace teamgraph::python {

void bind_org(pybind11::module_& m);
void bind_scores(pybind11::module_& m);

}  // namespace teamgraph::python
