#include "domain/pmp/review/chain_level.h"

namespace rollcall::pmp {

access::Role role_of(ChainLevel level) {
  switch (level) {
    case ChainLevel::kCoordinator:
      return access::Role::kCoordinator;
    case ChainLevel::kCaptain:
      return access::Role::kCaptain;
    case ChainLevel::kLieutenant:
      return access::Role::kLieutenant;
    case ChainLevel::kSergeant:
      return access::Role::kSupervisor;
    case ChainLevel::kBureauChief:
      return access::Role::kBureauChief;
  }
  return access::Role::kEmployee;
}

}  // namespace rollcall::pmp
