#pragma once
// teamgraph: org-health analytics. The umbrella header: include this to get the whole API.

#include "teamgraph/errors.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/org_builder.hpp"
#include "teamgraph/read_org.hpp"
#include "teamgraph/table.hpp"
#include "teamgraph/version.hpp"
