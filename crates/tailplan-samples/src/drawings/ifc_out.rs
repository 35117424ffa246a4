//! IFC4 building blocks over the STEP writer ([`super::step_out`]), as the BIM authoring
//! tools write them: the owner history, units and representation contexts before the
//! project, local placements relative to their container's, shapes with an `Axis` and a
//! `Body`, material layer set usages shared by the walls of one type, relationships written
//! after the elements they relate.
//!
//! Points and directions are written once and shared (`#9=IFCDIRECTION((0.,0.,1.))` serves
//! every placement that turns about z), as Revit and ArchiCAD write them.

use std::collections::BTreeMap;

use super::step_out::{Guids, Header, Id, StepFile, V, e, reals, refs, typed};

/// The time stamp in every header: never the clock.
pub(crate) const TIME_STAMP: &str = "2025-01-01T00:00:00";
/// The owner history's creation date (seconds since 1970): 2025-01-01T00:00:00Z.
pub(crate) const CREATION_DATE: i64 = 1_735_689_600;

/// What a file says about itself and its project.
#[derive(Debug, Clone)]
pub(crate) struct Setup<'a> {
    /// FILE_NAME's name.
    pub file_name: &'a str,
    /// The upper 96 bits of every GlobalId of the file.
    pub guid_prefix: u128,
    /// The person and the office who wrote it.
    pub family_name: &'a str,
    pub given_name: &'a str,
    pub organization: &'a str,
    /// The project's Name, Description, LongName and Phase.
    pub project: [&'a str; 4],
    /// Millimetres (`true`) or metres.
    pub millimetres: bool,
    /// The model context's precision, in the length unit.
    pub precision: f64,
    /// The model context's TrueNorth: the direction of true north in the model's xy plane.
    pub true_north: [f64; 2],
}

/// An IFC4 file being written.
#[derive(Debug)]
pub(crate) struct Ifc {
    f: StepFile,
    guids: Guids,
    /// The owner history every rooted instance refers to.
    pub owner: Id,
    /// The `Model` context.
    pub model_ctx: Id,
    /// The `Axis` subcontext (`Curve2D`, a graph view).
    pub axis_ctx: Id,
    /// The `Body` subcontext (a model view).
    pub body_ctx: Id,
    /// The project.
    pub project: Id,
    points: BTreeMap<(u8, [u64; 3]), Id>,
    directions: BTreeMap<(u8, [u64; 3]), Id>,
    materials: BTreeMap<String, Id>,
}

fn key(xs: &[f64]) -> (u8, [u64; 3]) {
    let mut k = [0; 3];
    for (slot, &x) in k.iter_mut().zip(xs) {
        // 0. and -0. are one point.
        *slot = if x == 0.0 { 0 } else { x.to_bits() };
    }
    (xs.len() as u8, k)
}

impl Ifc {
    /// Writes the header, the owner history, the units, the representation contexts and the
    /// project.
    pub(crate) fn new(s: &Setup<'_>) -> Self {
        let f = StepFile::new(&Header {
            description: "ViewDefinition [ReferenceView_V1.2]",
            name: s.file_name,
            time_stamp: TIME_STAMP,
            author: &format!("{} {}", s.given_name, s.family_name),
            organization: s.organization,
            preprocessor: "tailplan-samples step_out",
            originating_system: "tailplan-samples",
            schema: "IFC4",
        });
        let mut ifc = Ifc {
            f,
            guids: Guids::new(s.guid_prefix),
            owner: Id(0),
            model_ctx: Id(0),
            axis_ctx: Id(0),
            body_ctx: Id(0),
            project: Id(0),
            points: BTreeMap::new(),
            directions: BTreeMap::new(),
            materials: BTreeMap::new(),
        };
        let person = ifc.add(
            "IFCPERSON",
            vec![
                V::Unset,
                s.family_name.into(),
                s.given_name.into(),
                V::Unset,
                V::Unset,
                V::Unset,
                V::Unset,
                V::Unset,
            ],
        );
        let org = ifc.add(
            "IFCORGANIZATION",
            vec![
                V::Unset,
                s.organization.into(),
                V::Unset,
                V::Unset,
                V::Unset,
            ],
        );
        let developer = ifc.add(
            "IFCORGANIZATION",
            vec![
                V::Unset,
                "tailplan".into(),
                "tailplan's sample generator".into(),
                V::Unset,
                V::Unset,
            ],
        );
        let user = ifc.add(
            "IFCPERSONANDORGANIZATION",
            vec![person.into(), org.into(), V::Unset],
        );
        let app = ifc.add(
            "IFCAPPLICATION",
            vec![
                developer.into(),
                env!("CARGO_PKG_VERSION").into(),
                "tailplan-samples".into(),
                "tailplan-samples".into(),
            ],
        );
        ifc.owner = ifc.add(
            "IFCOWNERHISTORY",
            vec![
                user.into(),
                app.into(),
                V::Unset,
                e("NOCHANGE"),
                V::Unset,
                V::Unset,
                V::Unset,
                V::Int(CREATION_DATE),
            ],
        );

        let length = if s.millimetres {
            ifc.add(
                "IFCSIUNIT",
                vec![V::Derived, e("LENGTHUNIT"), e("MILLI"), e("METRE")],
            )
        } else {
            ifc.add(
                "IFCSIUNIT",
                vec![V::Derived, e("LENGTHUNIT"), V::Unset, e("METRE")],
            )
        };
        let area = ifc.add(
            "IFCSIUNIT",
            vec![V::Derived, e("AREAUNIT"), V::Unset, e("SQUARE_METRE")],
        );
        let volume = ifc.add(
            "IFCSIUNIT",
            vec![V::Derived, e("VOLUMEUNIT"), V::Unset, e("CUBIC_METRE")],
        );
        let angle = ifc.add(
            "IFCSIUNIT",
            vec![V::Derived, e("PLANEANGLEUNIT"), V::Unset, e("RADIAN")],
        );
        let units = ifc.add(
            "IFCUNITASSIGNMENT",
            vec![refs(&[length, area, volume, angle])],
        );

        let wcs = ifc.a2p3([0.0; 3], None, None);
        let north = ifc.dir(&s.true_north);
        let model = ifc.add(
            "IFCGEOMETRICREPRESENTATIONCONTEXT",
            vec![
                V::Unset,
                "Model".into(),
                V::Int(3),
                V::Real(s.precision),
                wcs.into(),
                north.into(),
            ],
        );
        let sub = |ifc: &mut Ifc, name: &str, view: &'static str| {
            ifc.add(
                "IFCGEOMETRICREPRESENTATIONSUBCONTEXT",
                vec![
                    name.into(),
                    "Model".into(),
                    V::Derived,
                    V::Derived,
                    V::Derived,
                    V::Derived,
                    model.into(),
                    V::Unset,
                    e(view),
                    V::Unset,
                ],
            )
        };
        ifc.model_ctx = model;
        ifc.axis_ctx = sub(&mut ifc, "Axis", "GRAPH_VIEW");
        ifc.body_ctx = sub(&mut ifc, "Body", "MODEL_VIEW");
        let [name, description, long_name, phase] = s.project;
        let guid = ifc.guid();
        let owner = ifc.owner;
        ifc.project = ifc.add(
            "IFCPROJECT",
            vec![
                guid,
                owner.into(),
                name.into(),
                description.into(),
                V::Unset,
                long_name.into(),
                phase.into(),
                refs(&[model]),
                units.into(),
            ],
        );
        ifc
    }

    /// Writes an instance.
    pub(crate) fn add(&mut self, name: &str, args: Vec<V>) -> Id {
        self.f.add(name, args)
    }

    /// The next GlobalId.
    pub(crate) fn guid(&mut self) -> V {
        self.guids.next_id()
    }

    /// A Cartesian point (2D or 3D), written once.
    pub(crate) fn pt(&mut self, xs: &[f64]) -> Id {
        let k = key(xs);
        if let Some(&id) = self.points.get(&k) {
            return id;
        }
        let id = self.f.add("IFCCARTESIANPOINT", vec![reals(xs)]);
        self.points.insert(k, id);
        id
    }

    /// A direction (2D or 3D), written once.
    pub(crate) fn dir(&mut self, xs: &[f64]) -> Id {
        let k = key(xs);
        if let Some(&id) = self.directions.get(&k) {
            return id;
        }
        let id = self.f.add("IFCDIRECTION", vec![reals(xs)]);
        self.directions.insert(k, id);
        id
    }

    /// An `IfcAxis2Placement3D`: a location, and the z and x axes when not the defaults.
    pub(crate) fn a2p3(&mut self, at: [f64; 3], z: Option<[f64; 3]>, x: Option<[f64; 3]>) -> Id {
        let p = self.pt(&at);
        let z = z.map(|d| V::Ref(self.dir(&d))).unwrap_or(V::Unset);
        let x = x.map(|d| V::Ref(self.dir(&d))).unwrap_or(V::Unset);
        self.add("IFCAXIS2PLACEMENT3D", vec![p.into(), z, x])
    }

    /// An `IfcAxis2Placement2D`.
    pub(crate) fn a2p2(&mut self, at: [f64; 2], x: Option<[f64; 2]>) -> Id {
        let p = self.pt(&at);
        let x = x.map(|d| V::Ref(self.dir(&d))).unwrap_or(V::Unset);
        self.add("IFCAXIS2PLACEMENT2D", vec![p.into(), x])
    }

    /// An `IfcLocalPlacement` relative to `rel` (the world when `None`), at `at`, its x axis
    /// turned in plan to `x` (a horizontal direction) when given; z stays up.
    pub(crate) fn local(&mut self, rel: Option<Id>, at: [f64; 3], x: Option<[f64; 2]>) -> Id {
        let a = self.a2p3(at, x.map(|_| [0.0, 0.0, 1.0]), x.map(|d| [d[0], d[1], 0.0]));
        self.add("IFCLOCALPLACEMENT", vec![rel.into(), a.into()])
    }

    /// A rooted instance: GlobalId, owner history, then `rest` (Name, Description...).
    pub(crate) fn rooted(&mut self, entity: &str, rest: Vec<V>) -> Id {
        let mut args = vec![self.guid(), self.owner.into()];
        args.extend(rest);
        self.add(entity, args)
    }

    /// A product (an element): GlobalId, owner history, Name, no Description, ObjectType,
    /// ObjectPlacement, Representation, Tag, then the entity's own attributes.
    pub(crate) fn element(&mut self, entity: &str, p: Product<'_>, own: Vec<V>) -> Id {
        let mut rest = vec![
            p.name.into(),
            V::Unset,
            p.object_type.into(),
            p.placement.into(),
            p.shape.into(),
            p.tag.into(),
        ];
        rest.extend(own);
        self.rooted(entity, rest)
    }

    /// An `IfcShapeRepresentation` in `ctx`.
    pub(crate) fn rep(&mut self, ctx: Id, ident: &str, kind: &str, items: &[Id]) -> Id {
        self.add(
            "IFCSHAPEREPRESENTATION",
            vec![ctx.into(), ident.into(), kind.into(), refs(items)],
        )
    }

    /// An `IfcProductDefinitionShape` of representations.
    pub(crate) fn shape(&mut self, reps: &[Id]) -> Id {
        self.add(
            "IFCPRODUCTDEFINITIONSHAPE",
            vec![V::Unset, V::Unset, refs(reps)],
        )
    }

    /// A 'Body' 'SweptSolid' shape of one solid (with an 'Axis' first when given).
    pub(crate) fn body_shape(&mut self, axis: Option<Id>, solid: Id, kind: &str) -> Id {
        let body_ctx = self.body_ctx;
        let body = self.rep(body_ctx, "Body", kind, &[solid]);
        match axis {
            Some(a) => self.shape(&[a, body]),
            None => self.shape(&[body]),
        }
    }

    /// An `IfcPolyline` through 2D points.
    pub(crate) fn polyline(&mut self, pts: &[[f64; 2]]) -> Id {
        let ids: Vec<Id> = pts.iter().map(|p| self.pt(p)).collect();
        self.add("IFCPOLYLINE", vec![refs(&ids)])
    }

    /// An 'Axis' 'Curve2D' representation: the polyline from (0, 0) to (length, 0).
    pub(crate) fn axis_rep(&mut self, length: f64) -> Id {
        let line = self.polyline(&[[0.0, 0.0], [length, 0.0]]);
        let ctx = self.axis_ctx;
        self.rep(ctx, "Axis", "Curve2D", &[line])
    }

    /// An `IfcRectangleProfileDef` centred on `centre`.
    pub(crate) fn rect_profile(&mut self, centre: [f64; 2], xdim: f64, ydim: f64) -> Id {
        let pos = self.a2p2(centre, None);
        self.add(
            "IFCRECTANGLEPROFILEDEF",
            vec![e("AREA"), V::Unset, pos.into(), xdim.into(), ydim.into()],
        )
    }

    /// An `IfcArbitraryClosedProfileDef` bounded by a closed curve.
    pub(crate) fn closed_profile(&mut self, curve: Id) -> Id {
        self.add(
            "IFCARBITRARYCLOSEDPROFILEDEF",
            vec![e("AREA"), V::Unset, curve.into()],
        )
    }

    /// An `IfcExtrudedAreaSolid`: `profile` in the xy plane of `position`, swept along `dir`.
    pub(crate) fn extrude(&mut self, profile: Id, position: Id, dir: [f64; 3], depth: f64) -> Id {
        let d = self.dir(&dir);
        self.add(
            "IFCEXTRUDEDAREASOLID",
            vec![profile.into(), position.into(), d.into(), depth.into()],
        )
    }

    /// A profile extruded up from z = `z0` by `depth`.
    pub(crate) fn extrude_up(&mut self, profile: Id, z0: f64, depth: f64) -> Id {
        let pos = self.a2p3([0.0, 0.0, z0], None, None);
        self.extrude(profile, pos, [0.0, 0.0, 1.0], depth)
    }

    /// A box: a rectangle centred on `centre` in plan, from z = `z0` up by `depth`.
    pub(crate) fn block(&mut self, centre: [f64; 2], xdim: f64, ydim: f64, z0: f64, h: f64) -> Id {
        let profile = self.rect_profile(centre, xdim, ydim);
        self.extrude_up(profile, z0, h)
    }

    /// An `IfcMaterial`, written once per name.
    pub(crate) fn material(&mut self, name: &str, category: Option<&str>) -> Id {
        if let Some(&id) = self.materials.get(name) {
            return id;
        }
        let id = self.add("IFCMATERIAL", vec![name.into(), V::Unset, category.into()]);
        self.materials.insert(name.to_owned(), id);
        id
    }

    /// An `IfcMaterialLayerSet` of `(material, thickness)` layers, in order.
    pub(crate) fn layer_set(&mut self, name: &str, layers: &[(&str, f64)]) -> Id {
        let ids: Vec<Id> = layers
            .iter()
            .map(|&(material, t)| {
                let m = self.material(material, None);
                self.add(
                    "IFCMATERIALLAYER",
                    vec![
                        m.into(),
                        t.into(),
                        e("F"),
                        material.into(),
                        V::Unset,
                        V::Unset,
                        V::Unset,
                    ],
                )
            })
            .collect();
        self.add(
            "IFCMATERIALLAYERSET",
            vec![refs(&ids), name.into(), V::Unset],
        )
    }

    /// An `IfcMaterialLayerSetUsage`.
    pub(crate) fn layer_usage(
        &mut self,
        set: Id,
        direction: &'static str,
        sense: &'static str,
        offset: f64,
    ) -> Id {
        self.add(
            "IFCMATERIALLAYERSETUSAGE",
            vec![set.into(), e(direction), e(sense), offset.into(), V::Unset],
        )
    }

    /// `IfcRelAggregates`: `parent` decomposed into `parts`.
    pub(crate) fn aggregates(&mut self, name: &str, parent: Id, parts: &[Id]) -> Id {
        self.rooted(
            "IFCRELAGGREGATES",
            vec![name.into(), V::Unset, parent.into(), refs(parts)],
        )
    }

    /// `IfcRelContainedInSpatialStructure`: `elements` in `structure`.
    pub(crate) fn contains(&mut self, structure: Id, elements: &[Id]) -> Id {
        self.rooted(
            "IFCRELCONTAINEDINSPATIALSTRUCTURE",
            vec![V::Unset, V::Unset, refs(elements), structure.into()],
        )
    }

    /// `IfcRelAssociatesMaterial`: `objects` made of `material` (a material, a layer set
    /// usage...).
    pub(crate) fn associates(&mut self, objects: &[Id], material: Id) -> Id {
        self.rooted(
            "IFCRELASSOCIATESMATERIAL",
            vec![V::Unset, V::Unset, refs(objects), material.into()],
        )
    }

    /// `IfcRelVoidsElement`: `opening` cut out of `element`.
    pub(crate) fn voids(&mut self, element: Id, opening: Id) -> Id {
        self.rooted(
            "IFCRELVOIDSELEMENT",
            vec![V::Unset, V::Unset, element.into(), opening.into()],
        )
    }

    /// `IfcRelFillsElement`: `filler` (a door, a window) in `opening`.
    pub(crate) fn fills(&mut self, opening: Id, filler: Id) -> Id {
        self.rooted(
            "IFCRELFILLSELEMENT",
            vec![V::Unset, V::Unset, opening.into(), filler.into()],
        )
    }

    /// A property set of single values, and its relationship to `objects`.
    pub(crate) fn pset(&mut self, name: &str, props: Vec<(&str, V)>, objects: &[Id]) -> Id {
        let ids: Vec<Id> = props
            .into_iter()
            .map(|(n, v)| {
                self.add(
                    "IFCPROPERTYSINGLEVALUE",
                    vec![n.into(), V::Unset, v, V::Unset],
                )
            })
            .collect();
        let set = self.rooted("IFCPROPERTYSET", vec![name.into(), V::Unset, refs(&ids)]);
        self.rooted(
            "IFCRELDEFINESBYPROPERTIES",
            vec![V::Unset, V::Unset, refs(objects), set.into()],
        )
    }

    /// A straight wall along its placement's x axis (see [`StraightWall`]); returns the wall
    /// and its placement.
    pub(crate) fn straight_wall(&mut self, w: &StraightWall<'_>) -> (Id, Id) {
        let placement = self.local(Some(w.rel), [w.start[0], w.start[1], 0.0], Some(w.dir));
        let axis = w.axis.then(|| self.axis_rep(w.length));
        let (b0, b1) = w.body;
        let solid = self.block([(b0 + b1) / 2.0, 0.0], b1 - b0, w.thickness, 0.0, w.height);
        let (solid, kind) = match w.clip_top {
            None => (solid, "SweptSolid"),
            Some((z0, z1)) => {
                // The half space above the plane through (0, 0, z0) and (length, 0, z1):
                // its normal points up, into the material cut away (agreement false).
                let normal = [z0 - z1, 0.0, w.length];
                let along = [w.length, 0.0, z1 - z0];
                let pos = self.a2p3([0.0, 0.0, z0], Some(normal), Some(along));
                let plane = self.add("IFCPLANE", vec![pos.into()]);
                let half = self.add("IFCHALFSPACESOLID", vec![plane.into(), e("F")]);
                let clipped = self.add(
                    "IFCBOOLEANCLIPPINGRESULT",
                    vec![e("DIFFERENCE"), solid.into(), half.into()],
                );
                (clipped, "Clipping")
            }
        };
        let shape = self.body_shape(axis, solid, kind);
        let wall = self.element(
            w.entity,
            Product {
                name: w.name,
                object_type: w.object_type,
                placement,
                shape: Some(shape),
                tag: w.tag,
            },
            vec![e("STANDARD")],
        );
        (wall, placement)
    }

    /// An opening through a wall `thickness` thick, placed in the wall's coordinates at
    /// `s0` along its axis and `sill` above its base, `width` x `height`; its body an
    /// extruded rectangle: across the wall (`across`, as Revit cuts) or up from the sill (as
    /// ArchiCAD cuts). Returns the opening and its placement; the void is related too.
    pub(crate) fn opening(&mut self, wall: Id, wall_placement: Id, o: &OpeningCut) -> (Id, Id) {
        let placement = self.local(Some(wall_placement), [o.s0, 0.0, o.sill], Some([1.0, 0.0]));
        let solid = if o.across {
            // The profile in the wall's xz plane (x along the wall, y up), swept from the
            // wall's +y face to its -y face.
            let profile = self.rect_profile([o.width / 2.0, o.height / 2.0], o.width, o.height);
            let pos = self.a2p3(
                [0.0, o.thickness / 2.0, 0.0],
                Some([0.0, -1.0, 0.0]),
                Some([1.0, 0.0, 0.0]),
            );
            self.extrude(profile, pos, [0.0, 0.0, 1.0], o.thickness)
        } else {
            self.block([o.width / 2.0, 0.0], o.width, o.thickness, 0.0, o.height)
        };
        let shape = self.body_shape(None, solid, "SweptSolid");
        let opening = self.element(
            "IFCOPENINGELEMENT",
            Product {
                name: o.name,
                object_type: Some("Opening"),
                placement,
                shape: Some(shape),
                tag: None,
            },
            vec![e("OPENING")],
        );
        self.voids(wall, opening);
        (opening, placement)
    }

    /// A door or window filling `opening`, placed at the opening's origin: its body a leaf
    /// `depth` thick on the wall's axis. Returns the element.
    pub(crate) fn filler(&mut self, opening: Id, opening_placement: Id, d: &Filler<'_>) -> Id {
        let placement = self.local(Some(opening_placement), [0.0; 3], None);
        let solid = self.block([d.width / 2.0, 0.0], d.width, d.depth, 0.0, d.height);
        let shape = self.body_shape(None, solid, "SweptSolid");
        let product = Product {
            name: d.name,
            object_type: d.object_type,
            placement,
            shape: Some(shape),
            tag: d.tag,
        };
        let (h, w) = (V::Real(d.height), V::Real(d.width));
        let id = if d.door {
            self.element(
                "IFCDOOR",
                product,
                vec![h, w, e("DOOR"), e("SINGLE_SWING_LEFT"), V::Unset],
            )
        } else {
            self.element(
                "IFCWINDOW",
                product,
                vec![h, w, e("WINDOW"), e("SINGLE_PANEL"), V::Unset],
            )
        };
        self.fills(opening, id);
        id
    }

    /// Ends the file.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.f.finish()
    }
}

/// What every element has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Product<'a> {
    pub name: &'a str,
    pub object_type: Option<&'a str>,
    pub placement: Id,
    pub shape: Option<Id>,
    pub tag: Option<&'a str>,
}

/// A straight wall: placed at `start` relative to `rel`, its x axis along `dir`, its axis
/// `length` long; its body a rectangle `thickness` wide centred on the axis, from `body.0`
/// to `body.1` along it (beyond the axis where it overlaps a corner), `height` high,
/// its top cut by a plane from `clip_top.0` at the start to `clip_top.1` at the end.
#[derive(Debug, Clone)]
pub(crate) struct StraightWall<'a> {
    /// `IFCWALL` or `IFCWALLSTANDARDCASE`.
    pub entity: &'static str,
    pub name: &'a str,
    pub object_type: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub rel: Id,
    pub start: [f64; 2],
    pub dir: [f64; 2],
    pub length: f64,
    pub body: (f64, f64),
    pub thickness: f64,
    pub height: f64,
    /// An 'Axis' representation (not all tools write one).
    pub axis: bool,
    pub clip_top: Option<(f64, f64)>,
}

/// An opening cut through a wall (see [`Ifc::opening`]).
#[derive(Debug, Clone)]
pub(crate) struct OpeningCut<'a> {
    pub name: &'a str,
    pub s0: f64,
    pub sill: f64,
    pub width: f64,
    pub height: f64,
    pub thickness: f64,
    pub across: bool,
}

/// A door or window (see [`Ifc::filler`]).
#[derive(Debug, Clone)]
pub(crate) struct Filler<'a> {
    pub door: bool,
    pub name: &'a str,
    pub object_type: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub width: f64,
    pub height: f64,
    pub depth: f64,
}

/// `IFCBOOLEAN(.T.)` or `IFCBOOLEAN(.F.)`.
pub(crate) fn boolean(b: bool) -> V {
    typed("IFCBOOLEAN", e(if b { "T" } else { "F" }))
}
