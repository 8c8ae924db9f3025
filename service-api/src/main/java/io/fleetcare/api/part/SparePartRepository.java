package io.fleetcare.api.part;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The spare-part catalog. */
@ApplicationScoped
public class SparePartRepository implements PanacheRepositoryBase<SparePart, Long> {

    /** Whether the catalog holds a part of this name and spec. */
    public boolean exists(String name, String spec) {
        return count("name = ?1 and spec = ?2", name, spec) > 0;
    }

    /** Parts of one class (all when null), by id. */
    public List<SparePart> search(AbcClass abcClass, int limit) {
        return (abcClass == null ? findAll(Sort.by("id")) : find("abcClass", Sort.by("id"), abcClass))
                .page(Page.ofSize(limit)).list();
    }
}
